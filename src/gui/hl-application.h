/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HL_TYPE_APPLICATION (hl_application_get_type ())
G_DECLARE_FINAL_TYPE (HlApplication, hl_application, HL, APPLICATION, AdwApplication)

HlApplication *hl_application_new        (void);
void           hl_application_set_added_files (HlApplication *self,
                                               char         **added);
int            hl_application_run_files  (HlApplication  *self,
                                          char          **files);

G_END_DECLS
