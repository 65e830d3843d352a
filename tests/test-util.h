/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "hl-view.h"

G_BEGIN_DECLS

/* Helpers shared by the core tests: temporary folders and pixels. */

HlDataset *hl_test_bundled     (void);
char   *hl_test_visible_text   (const char      *text);
char   *hl_test_list_dir       (const char      *dir);
int     hl_test_compare_strings (gconstpointer   a,
                                 gconstpointer   b);

/* The names in @dir (hidden ones too), sorted, are @expected. */
#define HL_TEST_ASSERT_DIR(dir, expected) \
  G_STMT_START { \
    g_autofree char *listing_ = hl_test_list_dir (dir); \
    g_assert_cmpstr (listing_, ==, (expected)); \
  } G_STMT_END

char   *hl_test_make_tmpdir    (void);
void    hl_test_remove_tmpdir  (const char      *dir);
void    hl_test_pixel_at       (cairo_surface_t *surface,
                                int              x,
                                int              y,
                                guint           *r,
                                guint           *g,
                                guint           *b,
                                guint           *a);
double  hl_test_luminance      (guint            r,
                                guint            g,
                                guint            b);
void    hl_test_assert_background (cairo_surface_t *surface,
                                   int              x,
                                   int              y,
                                   HlTheme          theme);

/* What one run of the command line printed and how it exited. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} HlTestRun;

void    hl_test_run_clear      (HlTestRun       *run);
void    hl_test_run_cli        (HlTestRun       *run,
                                ...) G_GNUC_NULL_TERMINATED;
void    hl_test_run_cli_in     (HlTestRun       *run,
                                const char      *locale,
                                ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
