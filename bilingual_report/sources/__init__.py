"""One reader per format (text, PDF, Word), each giving the blocks of sources/blocks.py with where they came from."""
