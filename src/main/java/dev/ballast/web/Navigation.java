package dev.ballast.web;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The areas of Ballast, in navigation order.
 */
@Component("navigation")
public class Navigation {

	/**
	 * One entry of the navigation.
	 *
	 * @param area the key of the area (message {@code web.nav.<area>})
	 * @param path where it lives
	 */
	public record Item(String area, String path) {
	}

	private static final List<Item> ITEMS = List.of(
			new Item("overview", "/"),
			new Item("clusters", "/clusters"),
			new Item("scans", "/scans"),
			new Item("findings", "/findings"),
			new Item("checks", "/checks"),
			new Item("audit", "/audit"),
			new Item("sizing", "/sizing"),
			new Item("cidr", "/cidr"),
			new Item("taints", "/taints"),
			new Item("isolation", "/isolation"),
			new Item("reports", "/reports"),
			new Item("settings", "/settings"));

	public List<Item> items() {
		return ITEMS;
	}

}
