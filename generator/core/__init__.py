"""The ward-news core: content model, validation, URLs and listings.

Plain Python that never imports MkDocs, so it can outlive its host (a test checks this).
"""
