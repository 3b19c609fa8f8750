"""The department portal: a Django project and app over the report library (report.api)."""
