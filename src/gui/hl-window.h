/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hl-dataset.h"
#include "hl-details-panel.h"
#include "hl-session.h"
#include "hl-timeline.h"

G_BEGIN_DECLS

#define HL_TYPE_WINDOW (hl_window_get_type ())
G_DECLARE_FINAL_TYPE (HlWindow, hl_window, HL, WINDOW, AdwApplicationWindow)

HlWindow       *hl_window_new              (GtkApplication *application);
void            hl_window_set_dataset      (HlWindow       *self,
                                            HlDataset      *dataset);
void            hl_window_open_file        (HlWindow       *self,
                                            GFile          *file);
void            hl_window_add_file         (HlWindow       *self,
                                            GFile          *file);
HlDataset      *hl_window_get_dataset      (HlWindow       *self);
GFile          *hl_window_get_file         (HlWindow       *self);
HlSession      *hl_window_get_session      (HlWindow       *self);
HlTimeline     *hl_window_get_timeline     (HlWindow       *self);
HlDetailsPanel *hl_window_get_panel        (HlWindow       *self);
gboolean        hl_window_is_loading       (HlWindow       *self);
const char     *hl_window_get_last_error   (HlWindow       *self);

G_END_DECLS
