/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "hl-atomic-file.h"
#include "hl-dataset.h"
#include "hl-view.h"

G_BEGIN_DECLS

typedef enum
{
  HL_EXPORT_PNG,
  HL_EXPORT_SVG,
  HL_EXPORT_PDF,
} HlExportFormat;

/* The largest side of a PNG that Cairo can draw. */
#define HL_EXPORT_MAX_PIXELS 32767

/* The most pixels in a PNG (width x height x scale squared), in millions:
 * 4K at scale 3 is 74.6, and 128 million pixels take 512 MB to draw. The
 * largest square allowed on a side, 32767 x 32767, would take 4 GiB. */
#define HL_EXPORT_MAX_MEGAPIXELS 128

/* Named sizes shared by the dialog and the command line. */
typedef struct
{
  const char *id;       /* "slide-16x9", as in GSettings and --preset */
  int         width;
  int         height;
} HlExportPreset;

gboolean  hl_export_format_from_path  (const char      *path,
                                       HlExportFormat  *format);
const char *hl_export_format_get_extension (HlExportFormat format);
const HlExportPreset *hl_export_get_presets (guint           *n_presets);
const HlExportPreset *hl_export_find_preset (const char      *id);
char     *hl_export_suggest_basename  (const HlView    *view,
                                       HlExportFormat   format);
gboolean  hl_export_to_file           (HlDataset       *dataset,
                                       const HlView    *view,
                                       HlExportFormat   format,
                                       int              width,
                                       int              height,
                                       int              scale,
                                       const char      *path,
                                       GError         **error);
gboolean  hl_export_to_file_full      (HlDataset       *dataset,
                                       const HlView    *view,
                                       HlExportFormat   format,
                                       int              width,
                                       int              height,
                                       int              scale,
                                       const char      *path,
                                       HlAtomicFileFlags flags,
                                       GCancellable    *cancellable,
                                       GError         **error);

/* Draws onto @cr, a canvas of the size given (hl_export_draw_to_file()). */
typedef void (*HlExportDrawFunc) (cairo_t  *cr,
                                  gpointer  user_data);

gboolean  hl_export_draw_to_file      (HlExportFormat   format,
                                       int              width,
                                       int              height,
                                       int              scale,
                                       const char      *path,
                                       HlAtomicFileFlags flags,
                                       GCancellable    *cancellable,
                                       HlExportDrawFunc draw,
                                       gpointer         user_data,
                                       GError         **error);

G_END_DECLS
