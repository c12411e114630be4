"""Memo (기안문): a drafter's memo passes its approval line and is numbered.

Example: a 주무관 of the Climate Policy Team drafts a memo on a tree-planting
campaign; the team leader reviews it, the Parks Division consults (agrees), and the
division head takes the final approval. At that moment the memo gets its number,
"CLIMATE-2026-00042", and is approved; nothing else follows.

Why it is shaped so: a memo has no side effect beyond its own approval, so the flow
is the shared approval chain (workflows/chain.py) ending in `finalize`, which numbers
the memo inside the final approver's transaction (gapless numbers need that).
"""

from typing import Any

from viewflow import this
from viewflow.workflow import nodes
from viewflow.workflow.base import Flow

from approvals.services.stages import document_finalize
from workflows.chain import ApprovalChain, document_id_of
from workflows.nodes import Function, approval_lock


class MemoFlow(ApprovalChain, Flow):
    """Memo approval

    A memo passes review, consultation and final approval, then is numbered.
    """

    lock_impl = approval_lock

    finalize = Function(this.approve_document).Next(this.end)
    end = nodes.End()

    def approve_document(self, activation: Any) -> None:
        document_finalize(document_id=document_id_of(activation))
