"""The formats knowledge is exchanged in: the staff spreadsheet (:mod:`.spreadsheet`), Open Referral
HSDS 3.0 packages (:mod:`.hsds`), and ``bot kb import`` (:mod:`.importer`), which turns either into
``services/import-*.yml``.

Everything here builds on :mod:`bot.knowledge` (its model, schema and loader checks); the knowledge
package never imports this one.
"""
