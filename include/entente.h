/*
 * entente.h - the whole public API of libentente.
 *
 * entente reads international news and keeps a model of how states align.
 * The library is organised along the data flow; each stage has its header:
 *
 *   entente/common.h   context, error codes, diagnostics, dates
 *   entente/text.h     articles in; normalised sentences and tokens out
 *   entente/builtin.h  data shipped inside the library (samples, tables)
 *   entente/world.h    the state universe (ISO, COW, G&W codes by date)
 *   entente/actors.h   dictionaries and actor recognition
 *   entente/events.h   the event coder (TABARI/PETRARCH verb patterns)
 *   entente/store.h    documents and events in one SQLite file
 *   entente/net.h      the alignment network and its analyses
 *
 * The library never prints and never exits; the `entente` program does.
 */
#ifndef ENTENTE_H
#define ENTENTE_H

#include "entente/common.h"
#include "entente/text.h"
#include "entente/builtin.h"
#include "entente/world.h"
#include "entente/actors.h"
#include "entente/events.h"
#include "entente/store.h"
#include "entente/net.h"

#endif
