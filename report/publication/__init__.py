"""Publishing the report: figures, charts, the world map, HTML, PDF and the build of the editions."""
