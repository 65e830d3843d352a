/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* HlCli is one object over two files: hl-cli.c (the options, --export,
 * --validate, --analyze) and hl-cli-views.c (notes and saved views:
 * --notes, --view, --export-views, --image-format, --no-annotations).
 * This is what they share; --import keeps its own HlCliImport
 * (hl-cli-import.c). */

#include "hl-cli.h"
#include "hl-cli-import.h"
#include "hl-dataset.h"
#include "hl-export.h"
#include "hl-notes.h"
#include "hl-view.h"

G_BEGIN_DECLS

/* The chart's size without --size or --preset, in pixels. */
#define DEFAULT_WIDTH  1920
#define DEFAULT_HEIGHT 1080

struct _HlCli
{
  char     *export_path;
  char     *size;
  char     *preset;
  char     *from;
  char     *to;
  char     *theme;
  char     *title;
  char     *subtitle;
  char     *lanes;
  char     *bins;
  char     *money_scale;
  int       scale;
  gboolean  validate;
  gboolean  version;
  gboolean  no_legend;
  gboolean  no_footnote;
  gboolean  no_periods;
  gboolean  cumulative;
  gboolean  force;
  char     *locale;     /* --locale: the export's language and formats */
  char    **files;
  char    **add_files;  /* --add: shown beside the dataset (issue 13) */
  HlLoadOptions load_options;
  gboolean  have_load_options;
  /* --analyze and its options */
  gboolean  analyze;
  char     *lead;
  char     *follow;
  char     *format;
  int       window;
  gint64    seed;
  HlCliImport *import;   /* --import and its options (hl-cli-import.c) */
  /* Notes and views (issue 11, hl-cli-views.c) */
  char     *view_name;
  char     *export_views;
  char     *image_format;
  char     *notes_path;
  gboolean  no_annotations;
  HlNotes  *notes;          /* read for the export, or NULL */
  char     *notes_read;     /* the path they were read from */
};

/* What the steps of --export return when none of them has failed; an
 * exit code otherwise. */
#define KEEP_GOING (-1)

/* What --export draws, from the options, before any file is read. */
typedef struct
{
  HlExportFormat format;
  int            width;
  int            height;
  gint64         from;    /* the first day's start, if --from */
  gint64         to;      /* the last day's start, if --to */
  HlTheme        theme;
  HlBins         bins;
  HlMoneyScale   money_scale;
} ExportSettings;


/* hl-cli.c */
void        _hl_cli_print_error         (const char           *prefix,
                                         const char           *message);
int         _hl_cli_usage_error         (const char           *format,
                                         ...) G_GNUC_PRINTF (1, 2);
HlDataset  *_hl_cli_load_dataset        (HlCli                *cli,
                                         const char           *path,
                                         GError              **error);
int         _hl_cli_apply_export_locale (HlCli                *cli);
int         _hl_cli_parse_settings      (HlCli                *cli,
                                         ExportSettings       *es);
int         _hl_cli_set_up_view         (HlCli                *cli,
                                         const ExportSettings *es,
                                         HlDataset            *dataset,
                                         HlView               *view);

/* hl-cli-add.c */
gboolean    _hl_cli_has_added           (HlCli                *cli);
HlDataset  *_hl_cli_load_shown          (HlCli                *cli,
                                         const char           *path,
                                         GError              **error);
int         _hl_cli_validate_together   (HlCli                *cli,
                                         GPtrArray            *parts);
int         _hl_cli_add_view_files      (HlCli                *cli,
                                         const HlSavedView    *saved,
                                         HlDataset           **dataset);

/* hl-cli-views.c */
const HlSavedView *_hl_cli_find_saved_view (HlCli             *cli);
void        _hl_cli_add_notes_entries   (GOptionContext       *context,
                                         HlCli                *cli);
void        _hl_cli_apply_notes         (HlCli                *cli,
                                         HlDataset            *dataset,
                                         HlView               *view);
int         _hl_cli_check_notes_options (HlCli                *cli);
int         _hl_cli_read_notes          (HlCli                *cli,
                                         HlDataset            *dataset,
                                         const char           *path,
                                         gboolean              needed);
int         _hl_cli_check_view_name     (HlCli                *cli);
void        _hl_cli_saved_view_size     (HlCli                *cli,
                                         ExportSettings       *es);
int         _hl_cli_run_export_views    (HlCli                *cli);

G_END_DECLS
