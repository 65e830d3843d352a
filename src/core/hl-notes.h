/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hl-dataset.h"
#include "hl-view.h"

G_BEGIN_DECLS

/* What a person writes down about a dataset (issue 11): annotations on
 * dates or spans and named views. A notes file (heistline-notes/1, see
 * data/README.md) lives beside its dataset as NAME.notes.json. */

#define HL_NOTES_FORMAT "heistline-notes/1"
#define HL_NOTES_SUFFIX ".notes.json"

/* Caps that keep a hostile file from exhausting memory or the screen. */
#define HL_NOTES_MAX_ANNOTATIONS 10000
#define HL_NOTES_MAX_VIEWS       1000
#define HL_NOTES_MAX_TEXT        4096   /* bytes of one annotation's text */
#define HL_NOTES_MAX_NAME        1024   /* bytes of a view's name */
#define HL_NOTES_MAX_FILE_SIZE   ((gsize) 64 * 1024 * 1024)

#define HL_NOTES_ERROR (hl_notes_error_quark ())

typedef enum
{
  HL_NOTES_ERROR_IO,        /* could not read or write the file */
  HL_NOTES_ERROR_SYNTAX,    /* not JSON, or not UTF-8: carries line:column */
  HL_NOTES_ERROR_INVALID,   /* JSON, but not a notes file: each problem by line and field */
} HlNotesError;

/* One annotation. Immutable once in an HlNotes: an edit makes a new one
 * (hl_annotation_copy(), then change the copy before adding it). */
typedef struct
{
  char     *id;
  char     *text;
  char     *date;       /* a point: as written ("2023-11-22"); NULL for a range */
  char     *from_date;  /* a range: first and last day, as written */
  char     *to_date;
  gint64    from;       /* a point: its time (hl-date.h); a range: its first day's start */
  gint64    to;         /* a point: == from; a range: the end of its last day */
  char    **lanes;      /* lane ids it belongs to; NULL: the whole chart */
  guint32   color;      /* 0xRRGGBB */
  gboolean  has_color;
} HlAnnotation;

typedef enum
{
  HL_VIEW_NOTES_ALL,    /* every annotation */
  HL_VIEW_NOTES_NONE,
  HL_VIEW_NOTES_SOME,   /* those in `annotation_ids` */
} HlViewNotes;

/* A named view: what it sets; what it leaves out keeps the default. */
typedef struct
{
  char        *name;
  gboolean     has_range;
  gint64       from;          /* first day's start */
  gint64       to;            /* end of the last day */
  char       **lanes;         /* visible lane ids; NULL: all */
  char       **hide_grades;   /* confidence names hidden ("suspected"…); NULL: none */
  double       min_usd;
  char        *search;
  gboolean     has_bins;
  HlBins       bins;
  gboolean     has_money_scale;
  HlMoneyScale money_scale;
  gboolean     has_theme;
  HlTheme      theme;
  char        *title;
  HlViewNotes  notes;
  char       **annotation_ids;
  char        *preset;        /* an export preset id, or NULL */
  int          width;         /* 0: no size of its own */
  int          height;
  /* The files shown beside the dataset (issue 13), as paths relative to
   * the notes file's folder (or absolute); NULL: only the dataset */
  char       **files;
} HlSavedView;

typedef struct
{
  GPtrArray *annotations;     /* HlAnnotation, in file order */
  GPtrArray *views;           /* HlSavedView, in file order (the menu's order) */
} HlNotes;

GQuark        hl_notes_error_quark        (void);

HlAnnotation *hl_annotation_new_point     (const char          *id,
                                           gint64               time,
                                           const char          *text);
HlAnnotation *hl_annotation_new_range     (const char          *id,
                                           gint64               from,
                                           gint64               to,
                                           const char          *text);
HlAnnotation *hl_annotation_copy          (const HlAnnotation  *note);
void          hl_annotation_free          (HlAnnotation        *note);
void          hl_annotation_move          (HlAnnotation        *note,
                                           gint64               time);
gboolean      hl_annotation_is_range      (const HlAnnotation  *note);
gboolean      hl_annotation_equal         (const HlAnnotation  *a,
                                           const HlAnnotation  *b);
gboolean      hl_annotation_in_lane       (const HlAnnotation  *note,
                                           HlDataset           *dataset,
                                           guint                lane);

HlSavedView  *hl_saved_view_new_from_view (const char          *name,
                                           const HlView        *view,
                                           HlDataset           *dataset);
HlSavedView  *hl_saved_view_copy          (const HlSavedView   *saved);
void          hl_saved_view_free          (HlSavedView         *saved);
gboolean      hl_saved_view_equal         (const HlSavedView   *a,
                                           const HlSavedView   *b);
char         *hl_saved_view_resolve_file  (const char          *notes_path,
                                           const char          *file);
char         *hl_saved_view_relative_file (const char          *notes_path,
                                           GFile               *file);
void          hl_saved_view_apply         (const HlSavedView   *saved,
                                           HlDataset           *dataset,
                                           const HlNotes       *notes,
                                           HlView              *view);

HlNotes      *hl_notes_new                (void);
HlNotes      *hl_notes_copy               (const HlNotes       *notes);
void          hl_notes_free               (HlNotes             *notes);
gboolean      hl_notes_equal              (const HlNotes       *a,
                                           const HlNotes       *b);
int           hl_notes_find_annotation    (const HlNotes       *notes,
                                           const char          *id);
int           hl_notes_find_view          (const HlNotes       *notes,
                                           const char          *name);
char         *hl_notes_new_id             (const HlNotes       *notes);
void          hl_notes_remove_annotation  (HlNotes             *notes,
                                           guint                index);
GPtrArray    *hl_notes_ref_annotations    (const HlNotes       *notes);
char         *hl_notes_list_views         (const HlNotes       *notes);

HlNotes      *hl_notes_new_from_bytes     (GBytes              *bytes,
                                           const char          *display_name,
                                           GError             **error);
HlNotes      *hl_notes_new_from_file      (GFile               *file,
                                           GError             **error);
char         *hl_notes_to_data            (const HlNotes       *notes,
                                           gsize               *length);
gboolean      hl_notes_save               (const HlNotes       *notes,
                                           const char          *path,
                                           GError             **error);
GPtrArray    *hl_notes_check              (const HlNotes       *notes,
                                           HlDataset           *dataset,
                                           const char          *display_name);

gboolean      hl_annotation_in_view       (const HlAnnotation  *note,
                                           const HlView        *view,
                                           HlDataset           *dataset);
char         *hl_notes_describe_in_view   (const HlView        *view,
                                           HlDataset           *dataset);

char         *hl_notes_path_for_dataset   (GFile               *dataset_file);
char         *hl_notes_path_beside        (const char          *bad_path);
char         *hl_notes_save_path          (const char          *path,
                                           gboolean             unreadable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlAnnotation, hl_annotation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlSavedView, hl_saved_view_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlNotes, hl_notes_free)

G_END_DECLS
