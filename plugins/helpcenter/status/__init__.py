"""Live service status: the feed model and its normalization (``model``), the widget and banner of
each page (``widget``, placed in the Markdown tree by ``placement``), the relay that reads a feed
server-side (``relay``) and the mock feed to try every case (``mock``)."""
