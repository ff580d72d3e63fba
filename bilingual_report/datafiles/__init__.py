"""The data files of the figures and key figures, read and checked against the text they quote."""
