"""Code that runs inside the Rasa server (environment B): the gateway input channel."""
