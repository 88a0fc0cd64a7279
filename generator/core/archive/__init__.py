"""A ward's archive brought in as articles: its Facebook Page's posts (the "Download your
information" export, as JSON) and an old portal's RSS/Atom feed or WordPress export.

Readers (`facebook.py`, `feeds.py`) turn an export into `ArchivedPost`s and read nothing outside
it; `writer.py` writes each post as an article of the content contract, with its photos next to
it, once: every article remembers the post it came from, so a second run adds nothing.
"""
