/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hl-session.h"

G_BEGIN_DECLS

#define HL_TYPE_DETAILS_PANEL (hl_details_panel_get_type ())
G_DECLARE_FINAL_TYPE (HlDetailsPanel, hl_details_panel, HL, DETAILS_PANEL, AdwBin)

/* The side panel of a session: every field of the selected event, or,
 * with nothing selected, the session's totals for each visible lane in
 * the dataset's own words and the dataset's facts. Only http(s) sources
 * become links; everything from the file is escaped. */

GtkWidget *hl_details_panel_new          (void);
HlSession *hl_details_panel_get_session  (HlDetailsPanel *self);
void       hl_details_panel_set_session  (HlDetailsPanel *self,
                                          HlSession      *session);

G_END_DECLS
