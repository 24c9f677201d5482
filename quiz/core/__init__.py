"""The pure core of factquiz: it never imports Textual (a test enforces this)."""
