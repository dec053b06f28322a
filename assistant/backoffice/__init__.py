"""The back office for leerplicht officers, school staff and administrators: its sessions and CSRF tokens
(`security`), templates and labels (`views`). The routes (pages under `/backoffice`, the JSON API under
`/api/backoffice`) are in `assistant.http.routes.backoffice*`."""
