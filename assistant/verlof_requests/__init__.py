"""Verlof requests made through the chat form or the API: storage, the rules' pre-assessment, the back-office
decision by the directeur or the leerplichtambtenaar, and the parent's view of the decision."""
