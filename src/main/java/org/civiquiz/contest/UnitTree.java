package org.civiquiz.contest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Units as a tree: a unit covers itself and every unit below it, at any depth.
 */
public final class UnitTree {

	private UnitTree() {
	}

	/**
	 * The units the given codes cover.
	 * @param units a contest's units
	 * @param codes codes of some of them; a code the contest does not have covers nothing
	 * @return those units and their descendants, in the contest's order
	 */
	public static List<Unit> covered(List<Unit> units, Collection<String> codes) {
		Set<Long> covered = new HashSet<>();
		for (Unit unit : units) {
			if (codes.contains(unit.code())) {
				covered.add(unit.id());
			}
		}
		boolean grew = !covered.isEmpty();
		while (grew) {
			grew = false;
			for (Unit unit : units) {
				if (unit.parentId() != null && covered.contains(unit.parentId()) && covered.add(unit.id())) {
					grew = true;
				}
			}
		}
		List<Unit> result = new ArrayList<>();
		for (Unit unit : units) {
			if (covered.contains(unit.id())) {
				result.add(unit);
			}
		}
		return result;
	}

}
