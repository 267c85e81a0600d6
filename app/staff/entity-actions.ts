/** The staff server actions by entity slug (a "use server" file may export only functions). */
import * as actions from "./actions";
import type { EntityConfig } from "./entities";

export const entityActions: Record<
  EntityConfig["slug"],
  { create: typeof actions.createMeasure; update: typeof actions.updateMeasure; remove: typeof actions.deleteMeasure }
> = {
  measures: { create: actions.createMeasure, update: actions.updateMeasure, remove: actions.deleteMeasure },
  transpositions: { create: actions.createTransposition, update: actions.updateTransposition, remove: actions.deleteTransposition },
  notifications: { create: actions.createNotification, update: actions.updateNotification, remove: actions.deleteNotification },
  provisions: { create: actions.createProvision, update: actions.updateProvision, remove: actions.deleteProvision },
  lineage: { create: actions.createLineage, update: actions.updateLineage, remove: actions.deleteLineage },
};
