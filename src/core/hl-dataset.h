/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hl-kinds.h"

G_BEGIN_DECLS

#define HL_DATASET_FORMAT "heistline-dataset/1"

/* Caps that keep a hostile file from exhausting memory or the screen. */
#define HL_DATASET_MAX_LANES      32      /* per file */
/* Lanes of one view: the files shown together (hl_dataset_compose())
 * bring up to HL_DATASET_MAX_FILES * HL_DATASET_MAX_LANES. Every array
 * indexed by lane below the loader is this long. */
#define HL_DATASET_MAX_FILES      8
#define HL_VIEW_MAX_LANES         (HL_DATASET_MAX_FILES * HL_DATASET_MAX_LANES)
/* A real dataset has a few dozen periods and facts and a handful of sources
 * per event; these are far past that and still cheap to draw and list
 * (data/README.md, "Sanity limits"). */
#define HL_DATASET_MAX_PERIODS    10000
#define HL_DATASET_MAX_FACTS      1000
#define HL_DATASET_MAX_SOURCES    100     /* per event, and per fact */
#define HL_DATASET_MAX_PROBLEMS   50
#define HL_DATASET_MAX_DEPTH      64
#define HL_DATASET_DEFAULT_MAX_SIZE ((gsize) 1024 * 1024 * 1024)

/* The environment variable hl_load_options_init_from_env() reads. */
#define HL_LOAD_MAX_FILE_SIZE_ENV "HEISTLINE_MAX_FILE_SIZE"

/* Limits on what one load reads, passed to the _full loaders (NULL there
 * means the defaults). Fill it with hl_load_options_init() (or
 * _init_from_env()) before setting a field, so that limits added later
 * get their defaults too. */
typedef struct
{
  gsize max_file_size;    /* bytes: larger files are refused unread */
} HlLoadOptions;

#define HL_DATASET_ERROR (hl_dataset_error_quark ())

typedef enum
{
  HL_DATASET_ERROR_IO,        /* could not read the file */
  HL_DATASET_ERROR_TOO_LARGE, /* over the size limit */
  HL_DATASET_ERROR_SYNTAX,    /* not JSON: carries line:column */
  HL_DATASET_ERROR_INVALID,   /* JSON, but not a valid dataset (also valid JSON that the
                               * format refuses: a member twice, "\u0000"…) */
} HlDatasetError;

typedef enum
{
  HL_MEASURE_USD,
  HL_MEASURE_COUNT,
  HL_MEASURE_SPAN,   /* events with no amount: periods in force, an instant a tick */
} HlMeasure;

typedef enum
{
  HL_CONFIDENCE_UNSPECIFIED,
  HL_CONFIDENCE_OFFICIAL,
  HL_CONFIDENCE_ANALYST,
  HL_CONFIDENCE_SUSPECTED,
  HL_CONFIDENCE_DISPUTED,
  HL_N_CONFIDENCES
} HlConfidence;

typedef struct
{
  const char *title;
  const char *url;        /* as written; only http(s) ones may be opened */
} HlSource;

typedef struct
{
  const char *id;
  const char *title;
  HlMeasure   measure;
  guint32     color;      /* 0xRRGGBB */
  gboolean    has_color;
  const char *unit;       /* count and span lanes: what is counted, e.g. "Missiles"; or NULL */
  const HlKind *kinds;    /* the lane's own "kinds" map, before the default table */
  guint       n_kinds;
} HlLane;

typedef struct
{
  gint64      from;       /* inclusive */
  gint64      to;         /* exclusive */
  const char *label;
} HlPeriod;

typedef struct
{
  const char     *text;
  const HlSource *sources;
  guint           n_sources;
} HlFact;

/* How much of an event's date is known: a "month" event is dated the
 * first of its month, a "year" one the first of January. */
typedef enum
{
  HL_DATE_PRECISION_DAY,
  HL_DATE_PRECISION_MONTH,
  HL_DATE_PRECISION_YEAR,
} HlDatePrecision;

typedef struct
{
  const char     *id;
  const char     *title;
  const char     *date;   /* as written in the file */
  gint64          time;   /* the local date and time as written, as if UTC (hl-date.h) */
  gint64          instant; /* the exact moment, UTC: orders events of the same time */
  guint           lane;   /* index into the lanes */
  double          usd;    /* usd lanes */
  double          usd_low;
  double          usd_high;
  guint           count;  /* count lanes; 1 when not given */
  guint           has_usd_range : 1;
  guint           count_known : 1;
  guint           usd_unknown : 1; /* usd lanes: "usd": null, no amount published */
  HlDatePrecision date_precision;
  HlConfidence    confidence;
  const char     *kind;
  const char     *actor;
  const char     *outcome;
  const char     *notes;
  const HlSource *sources;
  guint           n_sources;
  /* An event that lasts (data/README.md, "end"): its end as written, and
   * its end_time, exclusive (a calendar date's end is the next midnight). */
  const char     *end;
  gint64          end_time;
  guint           has_end : 1;
  /* Which file it came from: an index for hl_dataset_get_part(); 0 in a
   * file's own dataset. */
  guint           part;
} HlEvent;

#define HL_TYPE_DATASET (hl_dataset_get_type ())
G_DECLARE_FINAL_TYPE (HlDataset, hl_dataset, HL, DATASET, GObject)

GQuark           hl_dataset_error_quark        (void);

HlDataset       *hl_dataset_new_from_bytes     (GBytes        *bytes,
                                                const char    *display_name,
                                                GCancellable  *cancellable,
                                                GError       **error);
HlDataset       *hl_dataset_new_from_file      (GFile         *file,
                                                GCancellable  *cancellable,
                                                GError       **error);
void             hl_dataset_load_async         (GFile         *file,
                                                GCancellable  *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer       user_data);
HlDataset       *hl_dataset_load_finish        (GAsyncResult  *result,
                                                GError       **error);
HlDataset       *hl_dataset_new_bundled        (void);

void             hl_load_options_init          (HlLoadOptions *opts);
gboolean         hl_load_options_init_from_env (HlLoadOptions *opts,
                                                GError       **error);
HlDataset       *hl_dataset_new_from_bytes_full (GBytes              *bytes,
                                                 const char          *display_name,
                                                 const HlLoadOptions *opts,
                                                 GCancellable        *cancellable,
                                                 GError             **error);
HlDataset       *hl_dataset_new_from_file_full (GFile               *file,
                                                const HlLoadOptions *opts,
                                                GCancellable        *cancellable,
                                                GError             **error);
void             hl_dataset_load_async_full    (GFile               *file,
                                                const HlLoadOptions *opts,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);

const char      *hl_dataset_get_display_name   (HlDataset     *self);
GFile           *hl_dataset_get_file           (HlDataset     *self);
const char      *hl_dataset_get_title          (HlDataset     *self);
const char      *hl_dataset_get_description    (HlDataset     *self);
void             hl_dataset_get_default_range  (HlDataset     *self,
                                                gint64        *from,
                                                gint64        *to);
gboolean         hl_dataset_get_extent         (HlDataset     *self,
                                                gint64        *first,
                                                gint64        *last);

guint            hl_dataset_get_n_lanes        (HlDataset     *self);
const HlLane    *hl_dataset_get_lane           (HlDataset     *self,
                                                guint          index);
int              hl_dataset_find_lane          (HlDataset     *self,
                                                const char    *id);
const HlKind    *hl_dataset_lane_kind          (HlDataset     *self,
                                                guint          lane,
                                                const char    *kind);

guint            hl_dataset_get_n_periods      (HlDataset     *self);
const HlPeriod  *hl_dataset_get_period         (HlDataset     *self,
                                                guint          index);
guint            hl_dataset_get_n_facts        (HlDataset     *self);
const HlFact    *hl_dataset_get_fact           (HlDataset     *self,
                                                guint          index);

/* Events are sorted by time (ties keep file order). */
guint            hl_dataset_get_n_events       (HlDataset     *self);
const HlEvent   *hl_dataset_get_events         (HlDataset     *self);
const HlEvent   *hl_dataset_get_event          (HlDataset     *self,
                                                guint          index);
int              hl_dataset_find_event         (HlDataset     *self,
                                                const char    *id);
guint            hl_dataset_lower_bound        (HlDataset     *self,
                                                gint64         time);

/* Level of detail: a lane's events in time order, summed over ranges of
 * positions without visiting them (O(log n) per range). Positions run from
 * 0 to hl_dataset_lane_get_n_events(). */
typedef struct
{
  guint   n_events;
  double  usd;            /* sum of amounts */
  guint64 count;          /* sum of counts (1 where not given) */
  guint   n_doubtful;     /* suspected or disputed */
  guint   n_unknown;      /* count not given */
  int     largest;        /* event index: most usd, then count, then first; -1 if empty */
} HlRangeSum;

guint            hl_dataset_lane_get_n_events  (HlDataset     *self,
                                                guint          lane);
guint            hl_dataset_lane_lower_bound   (HlDataset     *self,
                                                guint          lane,
                                                gint64         time);
guint            hl_dataset_lane_next_bound    (HlDataset     *self,
                                                guint          lane,
                                                guint          position,
                                                gint64         time);
guint            hl_dataset_lane_get_n_lasting (HlDataset     *self,
                                                guint          lane);
int              hl_dataset_lane_get_lasting   (HlDataset     *self,
                                                guint          lane,
                                                guint          k);
int              hl_dataset_lane_get_event     (HlDataset     *self,
                                                guint          lane,
                                                guint          position);
guint            hl_dataset_lane_get_n_kinds   (HlDataset     *self,
                                                guint          lane);
const char      *hl_dataset_lane_get_kind_name (HlDataset     *self,
                                                guint          lane,
                                                guint          k);
const HlKind    *hl_dataset_lane_get_kind      (HlDataset     *self,
                                                guint          lane,
                                                guint          k);
guint            hl_dataset_lane_kind_range    (HlDataset     *self,
                                                guint          lane,
                                                guint          k,
                                                guint         *hint,
                                                guint          begin,
                                                guint          end,
                                                guint64       *count,
                                                int           *first);
void             hl_dataset_lane_sum           (HlDataset     *self,
                                                guint          lane,
                                                guint          begin,
                                                guint          end,
                                                HlRangeSum    *sum);
void             hl_dataset_lane_sums          (HlDataset     *self,
                                                guint          lane,
                                                const guint   *bounds,
                                                guint          n,
                                                HlRangeSum    *sums);

/* Several files in one view (hl-dataset-compose.c) */
HlDataset       *hl_dataset_compose            (HlDataset *const *parts,
                                                guint          n,
                                                GError       **error);
guint            hl_dataset_get_n_parts        (HlDataset     *self);
HlDataset       *hl_dataset_get_part           (HlDataset     *self,
                                                guint          index);
char            *hl_dataset_part_name          (HlDataset     *part);

const char      *hl_confidence_to_string       (HlConfidence   confidence);
const char      *hl_confidence_describe        (HlConfidence   confidence);
gboolean         hl_source_url_is_openable     (const char    *url);

G_END_DECLS
