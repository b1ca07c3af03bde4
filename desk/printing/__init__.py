"""ReportLab documents: one stylesheet, bundled Unicode fonts, US Letter by default."""
