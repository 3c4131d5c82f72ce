"""The handover inbox: the requests people made to write with a person, and their messages."""
