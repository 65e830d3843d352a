/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hl-session.h"

G_BEGIN_DECLS

#define HL_TYPE_RANGE_POPOVER (hl_range_popover_get_type ())
G_DECLARE_FINAL_TYPE (HlRangePopover, hl_range_popover, HL, RANGE_POPOVER, GtkPopover)

/* The time range menu of a session: presets (the default range, each
 * period, the whole dataset, each calendar year) and a custom range typed
 * as two dates. Its actions: "range.set" (xx) and "range.apply". */

GtkWidget *hl_range_popover_new          (void);
HlSession *hl_range_popover_get_session  (HlRangePopover *self);
void       hl_range_popover_set_session  (HlRangePopover *self,
                                          HlSession      *session);

G_END_DECLS
