"""The site: its pages and paths, the blocks rendered in each language, charts, search index, exports; what is
specific to the site engine is in markup.py."""
