package dev.ballast.web;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The areas of Ballast, in navigation order. An area that is not built yet shows a page saying
 * so instead of a dead link.
 */
@Component("navigation")
public class Navigation {

	/**
	 * One entry of the navigation.
	 *
	 * @param area the key of the area (message {@code web.nav.<area>})
	 * @param path where it lives
	 * @param built whether the area has its pages yet
	 */
	public record Item(String area, String path, boolean built) {
	}

	private static final List<Item> ITEMS = List.of(
			new Item("overview", "/", true),
			new Item("clusters", "/clusters", true),
			new Item("scans", "/scans", true),
			new Item("findings", "/findings", true),
			new Item("checks", "/checks", true),
			new Item("audit", "/audit", true),
			new Item("sizing", "/sizing", false),
			new Item("cidr", "/cidr", false),
			new Item("taints", "/taints", false),
			new Item("isolation", "/isolation", false),
			new Item("reports", "/reports", true),
			new Item("settings", "/settings", true));

	public List<Item> items() {
		return ITEMS;
	}

	List<Item> notBuilt() {
		return ITEMS.stream().filter((item) -> !item.built()).toList();
	}

}
