/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hl-dataset.h"

G_BEGIN_DECLS

/* One kind of a lane's events: their positions in the lane, in order,
 * and the running totals of their counts ([i] sums the first i). */
typedef struct
{
  const char *name;        /* as the events have it; NULL for no kind */
  const HlKind *kind;      /* how the lane draws it */
  guint       n;
  guint      *positions;
  guint64    *count_sums;
} HlLaneKind;

/* A lane with more kinds than this is not indexed by kind. */
#define HL_LANE_MAX_KINDS 64

/* The running totals at one boundary of a lane's positions: entry [i]
 * sums the first i positions, and names the largest event on each side
 * of the boundary within its block. A range [b, e) reads entries b and
 * e and nothing else near its ends, and a sweep of ranges left to right
 * finds entry b still in the cache from the range before. */
typedef struct
{
  double  usd;
  guint64 count;
  guint   doubtful;
  guint   unknown;
  guint   before;    /* rank of the largest of [start of i - 1's block, i); 0: none */
  guint   after;     /* rank of the largest of [i, end of i's block); 0: none */
} HlLaneTotals;

/* One lane's events in time order, with running totals: what a time range
 * holds is two binary searches and a few subtractions, however many events
 * it has (level of detail for the renderer). Built by hl_dataset_finish(). */
typedef struct
{
  guint    n;
  gint64  *times;
  guint   *events;         /* index into the dataset's events */
  double  *usd;            /* of each event, summed one by one for short ranges */
  guint   *counts;
  HlLaneTotals *totals;    /* n + 1 */
  /* Each position's rank by size (1 + its place in the order of usd,
   * then count, then the earlier first: larger is higher), and the event
   * of each rank (event_of_rank[r - 1], an index into the dataset's
   * events): the largest of a range is a maximum of integers, then one
   * read for its event. */
  guint   *rank;
  guint   *event_of_rank;
  /* The largest rank of 2^k blocks of HL_LANE_BLOCK positions from each
   * block on (a sparse table: level k at [k * n_blocks]), for an O(1)
   * range maximum with the partial blocks at the ends from the totals. */
  guint   *largest;
  guint    n_blocks;
  GArray  *lasting;        /* guint: the events with an end, in time order;
                            * NULL when there are none */
  HlLaneKind *kinds;       /* first met first; NULL past HL_LANE_MAX_KINDS */
  guint       n_kinds;
} HlLaneIndex;

#define HL_LANE_BLOCK 32

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
  GPtrArray    *kind_maps; /* HlKind arrays: the lanes' own "kinds" maps */
  GHashTable   *event_ids; /* id -> index + 1 */
  HlLaneIndex  *lane_index; /* one per lane */
  GPtrArray    *parts;     /* HlDataset: the files composed; NULL for a file's own */
};

HlDataset *hl_dataset_new_empty (const char *display_name);
void       hl_dataset_finish    (HlDataset  *self);

G_END_DECLS
