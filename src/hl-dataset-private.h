/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hl-dataset.h"

G_BEGIN_DECLS

/* The loader (hl-loader.c) fills a dataset in; nothing else writes to one. */
struct _HlDataset
{
  GObject       parent_instance;

  GStringChunk *strings;
  GFile        *file;
  char         *display_name;
  const char   *title;
  const char   *description;
  gint64        default_from;
  gint64        default_to;

  GArray       *lanes;     /* HlLane */
  GArray       *periods;   /* HlPeriod */
  GArray       *facts;     /* HlFact */
  GArray       *events;    /* HlEvent, sorted by time */
  GArray       *sources;   /* HlSource, shared storage for events and facts */
  GHashTable   *event_ids; /* id -> index + 1 */
};

HlDataset *hl_dataset_new_empty (const char *display_name);
void       hl_dataset_finish    (HlDataset  *self);

G_END_DECLS
