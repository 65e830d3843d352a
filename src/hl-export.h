/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hl-dataset.h"
#include "hl-view.h"

G_BEGIN_DECLS

typedef enum
{
  HL_EXPORT_PNG,
  HL_EXPORT_SVG,
  HL_EXPORT_PDF,
} HlExportFormat;

gboolean  hl_export_format_from_path  (const char      *path,
                                       HlExportFormat  *format);
gboolean  hl_export_to_file           (HlDataset       *dataset,
                                       const HlView    *view,
                                       HlExportFormat   format,
                                       int              width,
                                       int              height,
                                       int              scale,
                                       const char      *path,
                                       GError         **error);

G_END_DECLS
