"""Plugin UI-string catalogs (gettext .po files), shipped as package data."""
