/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hl-session.h"

G_BEGIN_DECLS

#define HL_TYPE_FILTER_POPOVER (hl_filter_popover_get_type ())
G_DECLARE_FINAL_TYPE (HlFilterPopover, hl_filter_popover, HL, FILTER_POPOVER, GtkPopover)

/* The filters of a session: a check per lane, per confidence grade, and
 * the smallest amount shown. The controls follow the session and edit it;
 * there is no state here of its own. */

GtkWidget *hl_filter_popover_new          (void);
HlSession *hl_filter_popover_get_session  (HlFilterPopover *self);
void       hl_filter_popover_set_session  (HlFilterPopover *self,
                                           HlSession       *session);

G_END_DECLS
