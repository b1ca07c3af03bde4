"""Showing and printing the PDFs that desk.printing renders: preview, printers, files."""
