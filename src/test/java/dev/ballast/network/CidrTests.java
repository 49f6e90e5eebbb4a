package dev.ballast.network;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CidrTests {

	@Test
	void measuresIpv4Blocks() {
		Cidr cidr = Cidr.parse("10.244.0.0/20");
		// 2^(32-20) = 4096 addresses; /26 blocks: 2^(26-20) = 64
		assertThat(cidr.size()).isEqualTo(BigInteger.valueOf(4096));
		assertThat(cidr.blocksOf(26)).isEqualTo(64);
		assertThat(cidr.blocksOf(19)).isZero();
		assertThat(cidr.family()).isEqualTo("IPv4");
		assertThat(cidr).hasToString("10.244.0.0/20");
	}

	@Test
	void measuresSingleAddressesAndIpv6() {
		assertThat(Cidr.parse("10.0.0.7/32").size()).isEqualTo(BigInteger.ONE);
		Cidr v6 = Cidr.parse("fd00:10:244::/56");
		// 2^(128-56) = 2^72 addresses; /64 blocks: 2^8 = 256
		assertThat(v6.size()).isEqualTo(BigInteger.ONE.shiftLeft(72));
		assertThat(v6.blocksOf(64)).isEqualTo(256);
		assertThat(v6).hasToString("fd00:10:244::/56");
		assertThat(Cidr.parse("::/0").size()).isEqualTo(BigInteger.ONE.shiftLeft(128));
	}

	@Test
	void refusesWhatIsNotABlock() {
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("10.244.0.1/16")).withMessageContaining("10.244.0.0/16");
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("10.244.0.0"));
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("10.244/16"));
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("10.244.0.0/33"));
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("300.0.0.0/8"));
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("example.com/8"));
		assertThat(Cidr.parseOrNull("nonsense")).isNull();
	}

	@Test
	void containsOverlapsAndCovers() {
		Cidr cluster = Cidr.parse("10.99.0.0/19");
		Cidr services = Cidr.parse("10.99.28.0/22");
		assertThat(cluster.contains(services)).isTrue();
		assertThat(services.contains(cluster)).isFalse();
		assertThat(services.overlaps(cluster)).isTrue();
		assertThat(cluster.overlaps(Cidr.parse("10.99.32.0/19"))).isFalse();
		assertThat(cluster.contains(Cidr.parse("fd00::/8"))).isFalse();
		// 10.244.0.0/26 … 10.244.2.192/26 span 10.244.0.0 – 10.244.2.255: covered by a /22
		assertThat(Cidr.covering(List.of(Cidr.parse("10.244.0.0/26"), Cidr.parse("10.244.2.192/26"))))
			.hasToString("10.244.0.0/22");
	}

}
