"""Copies of the public site that work without masthead: the mirror (every page of both
editions, for another host, a sub-path, an onion service or a folder opened with file://)
and the offline bundle (the last days of both editions in one zip, for a phone).

Both are the published pages (`sources`: the published tree, or a render when a file may
lag) with every link made relative to the page's own file (`links`), the static files and
image renditions those pages use (`assets`), and stand-ins for what needs the newsroom's
server (`stand_ins`, worded per edition in `wording`). The mirror adds a search that runs
in the reader's browser (`search_index`) and a SHA256SUMS manifest (`folder`); `export`
writes the mirror, `bundle` the zip.
"""
