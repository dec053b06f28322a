"""Server-rendered pages (chat page, privacy statement) and their static assets."""
