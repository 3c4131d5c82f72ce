"""Open Referral HSDS 3.0 tabular data packages, one module per job:

* :mod:`.spec`: the HSDS 3.0 tables (columns, required fields, types, keys) and ``datapackage.json``;
* :mod:`.package`: opening a folder or .zip and reading its CSV tables;
* :mod:`.tables`: the rows of one package, linked by id and checked; :mod:`.times`: schedules <-> hours;
* :mod:`.read`: import (:func:`~.read.read_package`); :mod:`.write`: export (:func:`~.write.export_package`);
* :mod:`.validate`: a package checked against the tables' Table Schema (:func:`~.validate.validate_package`).

A package is a folder or a .zip with ``datapackage.json`` naming each resource and its CSV file,
as in the specification's example (https://github.com/openreferral/specification, examples/csv).
The table and column names below are those of the HSDS 3.0 schema (``schema/*.json``): the
``required`` lists are each schema's ``required`` plus its ``tabular_required``.

How our fields map to HSDS (each field's ``hsds`` in :mod:`bot.knowledge.schema`; the fields mapped to
``service.<column>`` or to ``taxonomy`` are read and written from that declaration alone):

==================  ==============================================================================
ours                HSDS 3.0
==================  ==============================================================================
id                  location.external_identifier (type ``migrant-help-bot``); on import of a
                    foreign package ``hsds-<service_at_location id>``
name, email, url    service.name, service.email, service.url
organization        organization.name (service.organization_id)
description         service.description (one language: HSDS has no translations)
categories          attribute -> taxonomy_term whose ``code`` (or ``name``) is a category code
population, cost,   attribute -> taxonomy_term of our taxonomies ``migrant-help-bot population``,
referral            ``... cost``, ``... referral`` (cost also read from service.fees_description)
requirements        required_document.document
location            location.latitude/longitude; address.address_1 (+address_2), city (= place),
                    country
phones              phone.number, phone.type (voice; text = sms; WhatsApp in phone.description)
hours, timezone     schedule rows (freq WEEKLY, byday, opens_at, closes_at; timezone = UTC offset)
languages           language.code
verified_on         service.assured_date
==================  ==============================================================================

``source`` and ``sample`` have no HSDS field: an import sets ``source`` to the package (its
``homepage``, ``name`` or file name) and ``sample: false``; an export leaves sample services out.
"""
