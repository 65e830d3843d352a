/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hl-proximity.h"

G_BEGIN_DECLS

/* Test-only: the statistic with every following event moved @shift days
 * later, circularly within the range (0: the observed one). */
gint64 _hl_proximity_statistic_at_shift (const HlProximity *self,
                                         guint              shift);

G_END_DECLS
