"""Writes of the disclosure app: tagging, review, publication, disclosure requests.

One module per concern; each public function is keyword-only and named
`<entity>_<action>`. The detector and classification packages are pure; these
services are where their results meet the database.
"""
