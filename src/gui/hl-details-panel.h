/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hl-chart.h"
#include "hl-dataset.h"
#include "hl-view.h"

G_BEGIN_DECLS

#define HL_TYPE_DETAILS_PANEL (hl_details_panel_get_type ())
G_DECLARE_FINAL_TYPE (HlDetailsPanel, hl_details_panel, HL, DETAILS_PANEL, AdwBin)

/* The side panel: every field of the selected event, or, with nothing
 * selected, a summary of what is visible and the dataset's facts. Only
 * http(s) sources become links; everything from the file is escaped. */

GtkWidget *hl_details_panel_new          (void);
void       hl_details_panel_show_event   (HlDetailsPanel      *self,
                                          HlDataset           *dataset,
                                          int                  event);
void       hl_details_panel_show_summary (HlDetailsPanel      *self,
                                          HlDataset           *dataset,
                                          const HlView        *view,
                                          const HlChartTotals *totals);

G_END_DECLS
