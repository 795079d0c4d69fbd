"""Where a recording is delivered: one module per delivery-method type, one interface.

``destination_for(type)`` returns the module's ``Destination``; the worker and the
test-connection endpoint only ever talk to that interface (see ``base.py``).
"""
