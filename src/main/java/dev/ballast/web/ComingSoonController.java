package dev.ballast.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The areas that are not built yet: each says so plainly and what it will show.
 */
@Controller
class ComingSoonController {

	@GetMapping({ "/{area:sizing|cidr|taints|isolation}" })
	String comingSoon(@PathVariable String area, Model model) {
		model.addAttribute("area", area);
		return "web/coming-soon";
	}

}
