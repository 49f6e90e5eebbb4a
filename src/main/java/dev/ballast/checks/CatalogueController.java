package dev.ballast.checks;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The catalogue page: every check, grouped by category, with why it matters, the remediation and
 * its example, the documentation link, and the scoring formula.
 */
@Controller
class CatalogueController {

	@GetMapping("/checks")
	String catalogue(Model model) {
		List<CheckDefinition> catalogue = CheckEngine.standard().catalogue();
		List<Group> groups = new ArrayList<>();
		for (Category category : Category.values()) {
			List<CheckDefinition> checks = catalogue.stream().filter((check) -> check.category() == category).toList();
			if (!checks.isEmpty()) {
				groups.add(new Group(category.key(), checks));
			}
		}
		model.addAttribute("groups", groups);
		model.addAttribute("total", catalogue.size());
		return "checks/catalogue";
	}

	/**
	 * The checks of one category.
	 *
	 * @param category the category key, e.g. {@code reliability}
	 * @param checks its checks, in catalogue order
	 */
	record Group(String category, List<CheckDefinition> checks) {
	}

}
