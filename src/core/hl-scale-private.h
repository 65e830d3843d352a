/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Steps of the tick computation that only hl-scale.c and its tests use. */
#pragma once

#include "hl-scale.h"

G_BEGIN_DECLS

gint64      _hl_ticks_floor          (HlTickSpec  spec,
                                      gint64      time);
gint64      _hl_ticks_next           (HlTickSpec  spec,
                                      gint64      tick);
guint       _hl_ticks_label_chars    (HlTickSpec  spec);

G_END_DECLS
