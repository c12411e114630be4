"""The viewflow flows of Dojang: one file per kind of document (memo, budget,
personnel), built from the approval-chain pieces in chain.py and nodes.py."""
