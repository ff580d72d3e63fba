"""Turn a bilingual (Chinese/English) report extracted from PDF into an aligned document model and site pages."""
