"""The PDF page view: geometry, layout, a renderer with a cache, and the scroll widget."""
