/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the parts of the loader share. hl-loader.c reads the bytes and hands
 * json-glib's tree to hl_loader_read_root() (hl-loader-schema.c), which
 * reads the dataset object and calls hl_loader_read_events()
 * (hl-loader-events.c); a large file's events come from slices parsed on
 * worker threads (hl-loader-slices.c). Every part reports what is wrong
 * through the problem list (hl-loader-fields.c): a file with problems is
 * refused as a whole, each problem named by place. */
#pragma once

#include <json-glib/json-glib.h>

#include "hl-dataset-private.h"

G_BEGIN_DECLS

/* Longest strings a field may hold, in bytes. */
#define HL_LOADER_MAX_ID     256
#define HL_LOADER_MAX_TITLE  1024
#define HL_LOADER_MAX_TEXT   65536

/* A large file's "events" array is read a slice at a time (256 KB of text
 * each): json-glib's tree costs ~3 KB per event, so parsing the whole
 * file at once would hold several times its size in memory. The rest of
 * the file is parsed as usual, with an empty "events" array in its place;
 * hl_event_slices_plan() finds where the array and its slices are. */
#define HL_SLICE_MIN_FILE  ((gsize) 1024 * 1024)
#define HL_SLICE_BYTES     ((gsize) 256 * 1024)

typedef struct
{
  const char *data;
  gsize       open;        /* offset of the array's '[' */
  gsize       close;       /* offset of its ']' */
  GArray     *cuts;        /* gsize: offsets of the commas the slices end at */
  guint       n_elements;  /* as counted by the scan */
  guint       n_parsed;    /* as json-glib found them */
  guint       n_slices_parsed;
  gboolean    failed;      /* json-glib disagreed: read the file whole instead */
} HlEventSlices;

typedef struct
{
  HlDataset  *dataset;
  const char *name;
  GPtrArray  *problems;
  guint       n_dropped;
  /* what the problems being found belong to, e.g. `events[3] (id "x")` */
  char       *where;
  GCancellable *cancellable;
  gboolean    no_lanes;   /* "lanes" unusable: do not blame every event for it */
  HlEventSlices *slices;  /* non-NULL: read "events" from these, not the tree */
  /* The text, to name the line of an event with problems: events[event]
   * begins at event_starts[event], found on the first such problem. */
  const char *text;
  gsize       text_len;
  int         event;      /* the event being read, or -1 */
  GArray     *event_starts;
  gboolean    starts_looked;
} HlLoader;

/* hl-loader-fields.c: the problem list */
void         hl_loader_problem         (HlLoader      *l,
                                        const char    *format,
                                        ...) G_GNUC_PRINTF (2, 3);
void         hl_loader_set_where       (HlLoader      *l,
                                        const char    *format,
                                        ...) G_GNUC_PRINTF (2, 3);
gboolean     hl_loader_fail            (HlLoader      *l,
                                        GError       **error);

/* hl-loader-fields.c: typed readers; each adds a problem when it fails */
const char  *hl_loader_describe_node   (JsonNode      *node);
const char  *hl_loader_format_number   (char           buf[G_ASCII_DTOSTR_BUF_SIZE],
                                        double         v);
char        *hl_loader_shorten         (const char    *text,
                                        gsize          max);
gboolean     hl_loader_node_is_string  (JsonNode      *node);
gboolean     hl_loader_node_is_number  (JsonNode      *node);
const char  *hl_loader_read_string     (HlLoader      *l,
                                        JsonObject    *obj,
                                        const char    *member,
                                        gboolean       required,
                                        gsize          max_len,
                                        gboolean       intern);
JsonArray   *hl_loader_read_array      (HlLoader      *l,
                                        JsonObject    *obj,
                                        const char    *member,
                                        gboolean       required);
guint        hl_loader_check_length    (HlLoader      *l,
                                        JsonArray     *array,
                                        const char    *member,
                                        guint          max);
JsonObject  *hl_loader_element_object  (HlLoader      *l,
                                        JsonArray     *array,
                                        guint          i);
gboolean     hl_loader_read_date       (HlLoader      *l,
                                        JsonObject    *obj,
                                        const char    *member,
                                        gboolean       required,
                                        gint64        *out_time,
                                        gint64        *out_instant,
                                        gboolean      *out_date_only,
                                        const char   **out_text);
gboolean     hl_loader_read_range      (HlLoader      *l,
                                        JsonObject    *obj,
                                        gint64        *from,
                                        gint64        *to);
void         hl_loader_read_sources    (HlLoader      *l,
                                        JsonObject    *obj,
                                        const HlSource **out_sources,
                                        guint         *out_n);

/* hl-loader-schema.c */
void         hl_loader_read_root       (HlLoader      *l,
                                        JsonNode      *root_node);

/* hl-loader-kinds.c */
void         hl_loader_read_lane_kinds (HlLoader      *l,
                                        JsonObject    *obj,
                                        HlLane        *lane);

/* hl-loader-events.c */
void         hl_loader_read_events     (HlLoader      *l,
                                        JsonObject    *root);
gboolean     hl_loader_read_event_array (HlLoader     *l,
                                         JsonArray    *array,
                                         guint        *index,
                                         GHashTable   *ids);

/* hl-loader-slices.c */
HlEventSlices *hl_event_slices_plan    (const char    *data,
                                        gsize          len);
void         hl_event_slices_parse     (HlEventSlices *es,
                                        HlLoader      *l,
                                        GHashTable    *ids);
void         hl_event_slices_free      (HlEventSlices *es);
GArray      *hl_event_element_starts   (const char    *data,
                                        gsize          len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlEventSlices, hl_event_slices_free)

G_END_DECLS
