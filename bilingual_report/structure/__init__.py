"""Arranging the read blocks into the document: elements (headings, paragraphs, captions, tables), the layout of
the two languages, their alignment, and the tree with its problems."""
