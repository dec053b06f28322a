"""REST endpoints besides the chat: thin routes over the rules and the calendar."""
